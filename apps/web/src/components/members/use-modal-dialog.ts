"use client";

import { useEffect, useRef } from "react";

/**
 * Opens a <dialog> as modal while mounted: the page behind is inert (focus stays inside),
 * Escape and a click on the backdrop ask the owner to close it, and focus goes back to where
 * it was when the dialog unmounts.
 */
export function useModalDialog(onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const latestOnClose = useRef(onClose);
  useEffect(() => {
    latestOnClose.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnFocusTo = document.activeElement;
    element.showModal();
    // The owner unmounts the dialog; until then it stays open (Escape alone would close it).
    const onCancel = (event: Event) => {
      event.preventDefault();
      latestOnClose.current();
    };
    const onClick = (event: MouseEvent) => {
      if (event.target === element) latestOnClose.current();
    };
    element.addEventListener("cancel", onCancel);
    element.addEventListener("click", onClick);
    return () => {
      element.removeEventListener("cancel", onCancel);
      element.removeEventListener("click", onClick);
      element.close();
      if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus();
    };
  }, []);

  return dialog;
}
