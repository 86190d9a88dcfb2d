package org.tsak.cli;
public class TsakCommand { public static void main(String[] a){ System.out.println("tsak"); } }
