/** Plane geometry on segments in lon/lat, shared by the operations that look for contacts. */

/** z of the cross product of two vectors. */
export function cross(ax: number, ay: number, bx: number, by: number): number {
  return ax * by - ay * bx;
}

/** Parameter (0..1) of the point on segment a-b nearest to p, and its squared distance. */
export function project(p: number[], a: number[], b: number[]): { t: number; squared: number } {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return { t, squared: x * x + y * y };
}

/** Whether closed segments p-q and r-s share any point. */
export function segmentsMeet(p: number[], q: number[], r: number[], s: number[]): boolean {
  const [px, py] = p as [number, number];
  const [qx, qy] = q as [number, number];
  const [rx, ry] = r as [number, number];
  const [sx, sy] = s as [number, number];
  const d1 = Math.sign(cross(qx - px, qy - py, rx - px, ry - py));
  const d2 = Math.sign(cross(qx - px, qy - py, sx - px, sy - py));
  const d3 = Math.sign(cross(sx - rx, sy - ry, px - rx, py - ry));
  const d4 = Math.sign(cross(sx - rx, sy - ry, qx - rx, qy - ry));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  const within = (a: number[], b: number[], c: number[]) =>
    Math.min(a[0] as number, b[0] as number) <= (c[0] as number) &&
    (c[0] as number) <= Math.max(a[0] as number, b[0] as number) &&
    Math.min(a[1] as number, b[1] as number) <= (c[1] as number) &&
    (c[1] as number) <= Math.max(a[1] as number, b[1] as number);
  return (
    (d1 === 0 && within(p, q, r)) ||
    (d2 === 0 && within(p, q, s)) ||
    (d3 === 0 && within(r, s, p)) ||
    (d4 === 0 && within(r, s, q))
  );
}
