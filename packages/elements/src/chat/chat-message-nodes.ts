import type { Message } from '@school-diary/core';
import { render, type TemplateResult } from 'lit';

/** How a message is drawn: its node, made once, and the template of what the node holds. */
export interface MessageDrawing {
  readonly node: (message: Message) => HTMLElement;
  readonly content: (message: Message) => TemplateResult;
}

/**
 * The DOM of the messages in view: a container the element renders once, holding one node per
 * message, its content drawn with lit's `render()`. Nodes are kept by where their message stands
 * in the history, so an update touches only what changed: an arriving message is drawn and
 * appended, one leaving the window is removed, a replaced one is drawn again in place (lit updates
 * the nodes it made, so focus inside stays). No list of the whole window is built and compared.
 */
export class MessageNodes {
  readonly #drawing: MessageDrawing;
  readonly #host: object;
  #container: HTMLElement | undefined;
  /** Each drawn message's node, by its position in the history. */
  #nodes = new Map<number, HTMLElement>();
  /** The history positions of the first message drawn and of the one after the last. */
  #from = 0;
  #to = 0;
  /** Positions of drawn messages that changed since they were drawn. */
  #stale = new Set<number>();
  /** Whether every drawn message is to be drawn again. */
  #allStale = false;

  /** `host` is `this` for the event listeners of the messages' content. */
  constructor(drawing: MessageDrawing, host: object) {
    this.#drawing = drawing;
    this.#host = host;
  }

  /** Forgets every node (another conversation). */
  clear(): void {
    for (const node of this.#nodes.values()) node.remove();
    this.#nodes = new Map();
    this.#stale.clear();
    this.#allStale = false;
    this.#from = this.#to = 0;
  }

  /** The message at a position changed: it is drawn again at the next {@link sync}. */
  stale(position: number): void {
    this.#stale.add(position);
  }

  /** Every message is drawn again at the next {@link sync} (the language or time zone changed). */
  staleAll(): void {
    this.#allStale = true;
  }

  /**
   * Makes `container` hold the messages at history positions `from` (inclusive) to `to`
   * (exclusive), `at` giving the message at a position.
   */
  sync(container: HTMLElement, from: number, to: number, at: (position: number) => Message): void {
    if (container !== this.#container) {
      // The element drew a new container (the thread view was left and opened again).
      this.#container = container;
      this.#nodes = new Map();
      this.#from = this.#to = 0;
    }
    const keepFrom = Math.max(from, this.#from);
    const keepTo = Math.min(to, this.#to);
    if (keepFrom >= keepTo) {
      this.clear();
      container.append(this.#fragment(from, to, at));
    } else {
      for (let p = this.#from; p < keepFrom; p += 1) this.#remove(p);
      for (let p = keepTo; p < this.#to; p += 1) this.#remove(p);
      if (from < keepFrom) container.prepend(this.#fragment(from, keepFrom, at));
      if (keepTo < to) container.append(this.#fragment(keepTo, to, at));
    }
    this.#from = from;
    this.#to = to;
    const stale = this.#allStale ? this.#nodes.keys() : this.#stale.values();
    for (const p of stale) {
      const node = this.#nodes.get(p);
      if (node) this.#draw(node, at(p));
    }
    this.#stale.clear();
    this.#allStale = false;
  }

  #fragment(from: number, to: number, at: (position: number) => Message): DocumentFragment {
    const fragment = document.createDocumentFragment();
    for (let p = from; p < to; p += 1) {
      const message = at(p);
      const node = this.#drawing.node(message);
      this.#draw(node, message);
      this.#nodes.set(p, node);
      this.#stale.delete(p);
      fragment.append(node);
    }
    return fragment;
  }

  /** Draws a message's content into its node; lit keeps the parts there, to update in place. */
  #draw(node: HTMLElement, message: Message): void {
    render(this.#drawing.content(message), node, { host: this.#host });
  }

  #remove(position: number): void {
    this.#nodes.get(position)?.remove();
    this.#nodes.delete(position);
  }
}
