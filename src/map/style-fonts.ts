/** The bundled fonts of every map style (labels work offline, no glyph server). */
import type { StyleSpecification } from "maplibre-gl";

export const FONT_REGULAR = "Noto Sans Regular";
export const FONT_BOLD = "Noto Sans Bold";

/** Font files for offline labels (the style's `font-faces`); URLs come from the bundler. */
export interface FontUrls {
  regular: string;
  regularExt: string;
  bold: string;
}

const LATIN_EXT = ["U+0100-02BA", "U+02BD-02C5", "U+02C7-02CC", "U+02CE-02D7", "U+02DD-02FF", "U+1E00-1EFF"];

/** The style's `font-faces`: Latin from the font itself, Latin Extended from the extra file. */
export function fontFaces(fonts: FontUrls): NonNullable<StyleSpecification["font-faces"]> {
  return {
    [FONT_REGULAR]: [{ url: fonts.regular }, { url: fonts.regularExt, "unicode-range": LATIN_EXT }],
    [FONT_BOLD]: [{ url: fonts.bold }, { url: fonts.regularExt, "unicode-range": LATIN_EXT }],
  };
}
