/** Opens and closes a native <dialog> as modal in step with a boolean. */
import { type RefObject, useEffect } from "react";

export function useModal(dialog: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [dialog, open]);
}
