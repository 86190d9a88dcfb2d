/**
 * The {@code tsak} command line (picocli): each command parses its options, calls the packages
 * below and prints to its own writers. Nothing else imports this package.
 */
package org.tsak.cli;
