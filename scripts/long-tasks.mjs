/**
 * Long main-thread tasks from a Chromium trace, with the part of each that is JavaScript.
 *
 * On a machine without a GPU, every map frame is drawn by SwiftShader (software WebGL) on the main
 * thread's WebGL calls, so a frame alone can take 80–170 ms even though MapLibre's and our JavaScript
 * in it are a few milliseconds. To check "no task over 50 ms while editing" honestly, each task is
 * split using a CPU profile taken at the same time (same clock as the trace):
 *  - `jsMs`: samples in JavaScript (ours, React, MapLibre, terra-draw), not in a WebGL call;
 *  - `webglMs`: samples in a WebGL call (the software rasteriser works inside these);
 *  - the rest is native work (style, layout, paint, compositing, garbage collection).
 * Tasks are classed by what started them: a map frame (requestAnimationFrame, or the compositor's
 * commit and paint of it), an input event, a message (e.g. a worker's result), a timer, browser IPC
 * without JavaScript (mostly the benchmark's own DevTools calls), or other.
 */

const WEBGL_CALLS = new Set([
  "drawElements",
  "drawArrays",
  "drawElementsInstanced",
  "drawArraysInstanced",
  "bufferData",
  "bufferSubData",
  "texImage2D",
  "texSubImage2D",
  "readPixels",
  "clear",
  "finish",
  "flush",
  "getError",
  "getParameter",
  "useProgram",
  "linkProgram",
  "compileShader",
  "bindFramebuffer",
  "bindTexture",
  "bindBuffer",
  "bindVertexArray",
  "bindVertexArrayOES",
  "vertexAttribPointer",
  "enableVertexAttribArray",
  "disableVertexAttribArray",
  "uniform1i",
  "uniform1f",
  "uniform2f",
  "uniform3f",
  "uniform4f",
  "uniform1fv",
  "uniform2fv",
  "uniform3fv",
  "uniform4fv",
  "uniformMatrix4fv",
  "uniformMatrix3fv",
  "uniformMatrix2fv",
  "viewport",
  "scissor",
  "stencilFunc",
  "stencilOp",
  "stencilMask",
  "colorMask",
  "depthMask",
  "depthFunc",
  "depthRange",
  "blendFunc",
  "blendColor",
  "enable",
  "disable",
  "activeTexture",
  "texParameteri",
  "texParameterf",
  "pixelStorei",
  "clearColor",
  "clearDepth",
  "clearStencil",
  "cullFace",
  "frontFace",
  "generateMipmap",
  "framebufferTexture2D",
  "framebufferRenderbuffer",
  "renderbufferStorage",
  "bindRenderbuffer",
  "createTexture",
  "deleteTexture",
  "createBuffer",
  "deleteBuffer",
]);

/** Sample timestamps (µs) of a CDP Profiler profile, with the node id of each sample. */
function samplesOf(profile) {
  const out = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const next = profile.timeDeltas[i + 1] ?? 0;
    out.push({ t, id, weight: next });
  });
  return out;
}

/**
 * @param {object[]} traceEvents Chromium trace events (devtools.timeline categories)
 * @param {object} profile a CDP `Profiler.stop` profile taken over the same time
 * @returns {{kind: string, ms: number, jsMs: number, webglMs: number, detail: string}[]}
 */
export function analyseTasks(traceEvents, profile) {
  // The page's renderer main thread: the CrRendererMain thread busiest with tasks.
  const mains = new Set(
    traceEvents
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map();
  for (const e of traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if ((e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && mains.has(thread))
      busy.set(thread, (busy.get(thread) ?? 0) + (e.dur ?? 0));
  }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return [];
  const onMain = traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === "X");
  const tasks = onMain
    .filter((e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask")
    .sort((a, b) => a.ts - b.ts);
  // Nested RunTask events (both names can wrap the same task): keep the outermost.
  const top = [];
  for (const task of tasks) {
    const last = top[top.length - 1];
    if (last && task.ts < last.ts + last.dur) continue;
    top.push(task);
  }
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = samplesOf(profile);
  const inner = onMain.filter((e) => e.name !== "RunTask" && e.name !== "ThreadControllerImpl::RunTask");
  return top.map((task) => {
    const end = task.ts + task.dur;
    let jsMs = 0;
    let webglMs = 0;
    const selfMs = new Map();
    for (const s of samples) {
      if (s.t < task.ts || s.t >= end) continue;
      const frame = nodes.get(s.id)?.callFrame;
      const name = frame?.functionName ?? "";
      if (name === "(program)" || name === "(idle)" || name === "(garbage collector)") continue;
      if (WEBGL_CALLS.has(name)) webglMs += s.weight / 1000;
      else {
        jsMs += s.weight / 1000;
        const key = `${name || "(anonymous)"} ${(frame?.url ?? "").split("/").pop()}:${(frame?.lineNumber ?? 0) + 1}`;
        selfMs.set(key, (selfMs.get(key) ?? 0) + s.weight / 1000);
      }
    }
    const hot = [...selfMs.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([key, ms]) => `${key} ${ms.toFixed(1)} ms`);
    const children = inner.filter((e) => e.ts >= task.ts && e.ts < end);
    const has = (name) => children.find((e) => e.name === name);
    const input = has("EventDispatch");
    // A frame: the map's requestAnimationFrame, or the compositor's commit and paint of one.
    const kind =
      has("FireAnimationFrame") || has("Commit") || has("Paint")
        ? "frame"
        : input
          ? "input"
          : has("TimerFire")
            ? "timer"
            : children.some((e) => e.name === "FunctionCall")
              ? "message/script"
              : has("Receive mojo message") && jsMs < 1
                ? "ipc (DevTools)"
                : "other";
    return {
      kind,
      /** Start on the trace clock (µs), to split a trace into phases. */
      ts: task.ts,
      ms: task.dur / 1000,
      jsMs,
      webglMs,
      detail: input?.args?.data?.type ?? "",
      /** The five functions with the most self time in this task (for finding what to fix). */
      hot,
    };
  });
}

/** Trace time (µs) of the first `console.timeStamp(label)` in the trace, or null. */
export function timeStampOf(traceEvents, label) {
  const event = traceEvents.find((e) => e.name === "TimeStamp" && e.args?.data?.message === label);
  return event ? event.ts : null;
}

/** Summary per kind: count, longest task, longest JavaScript part of a task. */
export function summariseTasks(tasks) {
  const kinds = new Map();
  for (const task of tasks) {
    const k = kinds.get(task.kind) ?? {
      kind: task.kind,
      count: 0,
      maxMs: 0,
      maxJsMs: 0,
      over50: 0,
      jsOver50: 0,
    };
    k.count += 1;
    k.maxMs = Math.max(k.maxMs, task.ms);
    k.maxJsMs = Math.max(k.maxJsMs, task.jsMs);
    if (task.ms > 50) k.over50 += 1;
    if (task.jsMs > 50) k.jsOver50 += 1;
    kinds.set(task.kind, k);
  }
  return [...kinds.values()].sort((a, b) => b.maxMs - a.maxMs);
}
