/** The app's absolute base URL: MapLibre and the workers fetch data files, where relative URLs break. */
export function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, window.location.href).href;
}
