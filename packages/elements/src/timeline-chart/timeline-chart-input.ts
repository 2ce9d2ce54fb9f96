import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How the reader is using the chart now: a mouse or pen, a finger, or the keyboard. */
export type InputKind = 'pointer' | 'touch' | 'keyboard';

/**
 * Follows the input in use, so the hint under the chart speaks of it: a phone's reader is not
 * told to drag with a mouse, nor a mouse user to press arrows. It starts from the device (a
 * coarse pointer without hover is a touch screen) and follows the last pointer or key used
 * inside the widget.
 */
export class InputModality implements ReactiveController {
  #kind: InputKind;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#kind =
      typeof matchMedia === 'function' && matchMedia('(hover: none) and (pointer: coarse)').matches
        ? 'touch'
        : 'pointer';
    host.addController(this);
  }

  /** The input used last. */
  get kind(): InputKind {
    return this.#kind;
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerdown', this.#onPointer, { capture: true });
    this.#host.addEventListener('keydown', this.#onKey, { capture: true });
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#onPointer, { capture: true });
    this.#host.removeEventListener('keydown', this.#onKey, { capture: true });
  }

  #set(kind: InputKind): void {
    if (kind === this.#kind) return;
    this.#kind = kind;
    this.#host.requestUpdate();
  }

  readonly #onPointer = (event: PointerEvent): void => {
    this.#set(event.pointerType === 'touch' ? 'touch' : 'pointer');
  };

  readonly #onKey = (): void => {
    this.#set('keyboard');
  };
}
