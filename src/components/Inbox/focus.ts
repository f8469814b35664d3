/**
 * Focus moves asked for by an action, made once the DOM shows the target: `focusNext(id)` records the id,
 * and after each render of the component that called the hook, the element is focused if it is there.
 * Each component that changes its own state after an action uses its own (a child's render does not run
 * its parent's effects).
 */
import { useEffect, useRef } from "preact/hooks";

export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    const target = document.getElementById(id);
    if (target) {
      pending.current = null;
      target.focus();
    }
  });
  return (id: string) => {
    pending.current = id;
  };
}
