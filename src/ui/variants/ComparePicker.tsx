/** "Compare …": pick 2–4 of the plan's variants (plan order is kept) and open the compare view. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Variant } from "../../domain/model/plan.ts";
import { MAX_MATRIX_VARIANTS, MIN_MATRIX_VARIANTS } from "../../domain/workshop/indicator-matrix.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { initialComparePick, togglePick } from "./compare-pick.ts";

/** The picker; `onDone` closes it once the compare view opens. */
export function ComparePicker({ variants, onDone }: { variants: Variant[]; onDone(): void }) {
  const { t } = useTranslation();
  const stored = useSessionStore((s) => s.compareVariantIds);
  const [picked, setPicked] = useState<string[]>(() =>
    initialComparePick(
      variants.map((v) => v.id),
      stored,
    ),
  );
  const valid = picked.length >= MIN_MATRIX_VARIANTS && picked.length <= MAX_MATRIX_VARIANTS;
  // Plan order is kept: the first picked variant is the comparison's baseline.
  const toggle = (id: string, on: boolean) =>
    setPicked((current) =>
      togglePick(
        variants.map((v) => v.id),
        current,
        id,
        on,
      ),
    );
  return (
    <form
      id="variants-compare-pick"
      className="variants-pick"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        const session = useSessionStore.getState();
        session.setCompareVariantIds(picked);
        session.setView("compare");
        onDone();
      }}
    >
      <fieldset>
        <legend>{t("variant.comparePick")}</legend>
        {variants.map((variant) => {
          const checked = picked.includes(variant.id);
          return (
            <label key={variant.id} className="inline-check">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && picked.length >= MAX_MATRIX_VARIANTS}
                onChange={(event) => toggle(variant.id, event.target.checked)}
              />{" "}
              {variant.name}
            </label>
          );
        })}
      </fieldset>
      <p className={`small ${valid ? "muted" : "variants-pick-invalid"}`} aria-live="polite">
        {valid ? t("variant.comparePickCount", { count: picked.length }) : t("variant.comparePickHint")}
      </p>
      <button type="submit" className="button button-primary" disabled={!valid}>
        {t("variant.compareOpen")}
      </button>
    </form>
  );
}
