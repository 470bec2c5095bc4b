/** A legend swatch with the same colour and hatching as an area on the presentation map. */
import "./PatternSwatch.css";
import { useId } from "react";
import { type PresentationPattern, presentationAreaStyle } from "../../map/presentation-style.ts";

function PatternShape({ pattern, colour }: { pattern: PresentationPattern; colour: string }) {
  const line = { stroke: colour, strokeWidth: 2 };
  switch (pattern) {
    case "diagonal":
      return <path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" {...line} />;
    case "back-diagonal":
      return <path d="M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2" {...line} />;
    case "horizontal":
      return <path d="M0,4 L8,4" {...line} />;
    case "vertical":
      return <path d="M4,0 L4,8" {...line} />;
    case "cross":
      return <path d="M0,4 L8,4 M4,0 L4,8" {...line} />;
    case "dots":
      return (
        <>
          <circle cx="2" cy="2" r="1.4" fill={colour} />
          <circle cx="6" cy="6" r="1.4" fill={colour} />
        </>
      );
  }
}

export function PatternSwatch({ index }: { index: number }) {
  const id = useId();
  const { colour, pattern } = presentationAreaStyle(index);
  return (
    <svg className="present-swatch" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${id}-p`} width="8" height="8" patternUnits="userSpaceOnUse">
          <PatternShape pattern={pattern} colour={colour} />
        </pattern>
      </defs>
      <rect x="2" y="2" width="20" height="20" fill={colour} fillOpacity="0.25" />
      <rect x="2" y="2" width="20" height="20" fill={`url(#${id}-p)`} />
      <rect x="2" y="2" width="20" height="20" fill="none" stroke="#111827" strokeWidth="3" />
      <rect x="3.5" y="3.5" width="17" height="17" fill="none" stroke={colour} strokeWidth="2" />
    </svg>
  );
}
