/**
 * Small published data sets shared by several test files.
 *
 * The classic one-way ANOVA example (Wikipedia, "One-way analysis of variance"): three groups
 * of six with means 5, 9 and 10.
 */
export const classicAnovaGroups = [
  [6, 8, 4, 5, 3, 4],
  [8, 12, 9, 11, 6, 8],
  [13, 9, 11, 8, 7, 12],
];
