/**
 * The presentation's deck and where it stands: the plan and its figures frozen when the presentation
 * starts ("Stand"), so editing in another tab does not change numbers in front of an audience, and
 * the slide shown, moved on by actions (next, previous, a variant's first slide, …).
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Plan, Variant } from "../../domain/model/plan.ts";
import {
  applyPresentationAction,
  buildDeck,
  clampSlideIndex,
  deckSlides,
  type PresentationAction,
  type PresentationDeck,
} from "../../domain/workshop/presentation.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { useVariantAnalyses } from "../use-variant-analyses.ts";

/** The variants to present: those picked for comparing (in that order), else all in plan order. */
function presentedVariants(): { plan: Pick<Plan, "id" | "name">; variants: Variant[] } {
  const { plan } = useDocumentStore.getState();
  const picked = useSessionStore
    .getState()
    .compareVariantIds.flatMap((id) => (Object.hasOwn(plan.variants, id) ? [plan.variants[id]] : []))
    .filter((v): v is Variant => v !== undefined);
  const all = plan.variantOrder.flatMap((id) => (plan.variants[id] ? [plan.variants[id]] : []));
  return { plan: { id: plan.id, name: plan.name }, variants: picked.length > 0 ? picked : all };
}

/** `onMove` is called on every action (the slide's map draws anew). */
export function usePresentationDeck(catalogue: GeneratedCatalogue, onMove: () => void) {
  // The plan as it is at the start; later edits (e.g. in another tab) do not reach the slides.
  const [start] = useState(presentedVariants);
  const figures = useVariantAnalyses(catalogue, start.variants);
  const [deck, setDeck] = useState<PresentationDeck | null>(null);
  const [slideIndex, setSlideIndex] = useState(0);
  useEffect(() => {
    if (deck || figures.state !== "ready") return;
    setDeck(buildDeck(start.plan, start.variants, figures.figures, new Date().toISOString()));
  }, [deck, figures, start]);
  const slides = useMemo(() => (deck ? deckSlides(deck) : []), [deck]);
  const index = clampSlideIndex(slides, slideIndex);
  const act = useCallback(
    (action: PresentationAction) => {
      onMove();
      setSlideIndex((current) => applyPresentationAction(slides, clampSlideIndex(slides, current), action));
    },
    [slides, onMove],
  );
  return { failed: figures.state === "failed", deck, slides, index, act };
}
