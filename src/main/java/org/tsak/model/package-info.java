/**
 * The networks as DJL blocks built from a spec: teacher ({@link org.tsak.model.TeacherBlock}),
 * semantic classifier ({@link org.tsak.model.SemanticClassifierBlock}) and student
 * ({@link org.tsak.model.StudentBlock}, with its training-only projection heads in
 * {@link org.tsak.model.StudentTrainingBlock}), seeded initialisation, and the kinds of teacher
 * output a student can be matched to ({@link org.tsak.model.TargetKind}).
 */
package org.tsak.model;
