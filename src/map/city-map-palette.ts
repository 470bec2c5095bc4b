/** Colours of the offline city map (light and dark); city-map-style.ts uses them by role. */

/** Colours of the city map; the dark one keeps the same roles at lower brightness. */
export interface Palette {
  background: string;
  residential: string;
  industrial: string;
  railway: string;
  public: string;
  farmland: string;
  grass: string;
  park: string;
  wood: string;
  cemetery: string;
  sport: string;
  sand: string;
  water: string;
  waterway: string;
  path: string;
  cycleway: string;
  minor: string;
  minorCasing: string;
  major: string;
  majorCasing: string;
  motorway: string;
  motorwayCasing: string;
  rail: string;
  railDash: string;
  transit: string;
  label: string;
  labelHalo: string;
  refLabel: string;
}

export const LIGHT: Palette = {
  background: "#f3f2ee",
  residential: "#e9e7e2",
  industrial: "#e4e1e6",
  railway: "#e5e2dc",
  public: "#ece6dc",
  farmland: "#f0efe2",
  grass: "#dcebd2",
  park: "#cfe6c4",
  wood: "#c3dcb6",
  cemetery: "#d2e2cc",
  sport: "#d6ead0",
  sand: "#efe8d2",
  water: "#9fcbeb",
  waterway: "#82b8e0",
  path: "#bdb6aa",
  cycleway: "#8fb3d1",
  minor: "#ffffff",
  minorCasing: "#d3cfc7",
  major: "#fdf3dc",
  majorCasing: "#d4bf94",
  motorway: "#f6d9a6",
  motorwayCasing: "#c39b5c",
  rail: "#8d8883",
  railDash: "#ffffff",
  transit: "#9b8db5",
  label: "#4a4540",
  labelHalo: "#ffffff",
  refLabel: "#7a5a22",
};

export const DARK: Palette = {
  background: "#1b2026",
  residential: "#222830",
  industrial: "#262830",
  railway: "#24272c",
  public: "#272a2c",
  farmland: "#1e2426",
  grass: "#1f3026",
  park: "#213527",
  wood: "#1d3324",
  cemetery: "#20302a",
  sport: "#213327",
  sand: "#2b2a24",
  water: "#1f4d73",
  waterway: "#2d6592",
  path: "#4a5058",
  cycleway: "#3f6485",
  minor: "#3a424c",
  minorCasing: "#2a3038",
  major: "#56606c",
  majorCasing: "#2a3038",
  motorway: "#7d6d50",
  motorwayCasing: "#3a3328",
  rail: "#8e98a3",
  railDash: "#1b2026",
  transit: "#8a7fb0",
  label: "#d5dbe1",
  labelHalo: "#1b2026",
  refLabel: "#e3c78f",
};
