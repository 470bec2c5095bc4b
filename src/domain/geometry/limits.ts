/**
 * Size limits of pilot areas, in a module of their own so that the UI can show them without loading
 * the clipping code.
 */

/** Areas smaller than this (m²) are refused: about 22 m x 22 m, smaller than any sensible pilot area. */
export const MIN_AREA_M2 = 500;
