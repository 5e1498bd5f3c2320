"use client";

import { useEffect, useRef } from "react";
import { linkClass } from "./form-styles";

interface Props {
  /** Also the id its heading gets (the summary is labelled by it). */
  titleId: string;
  title: string;
  message: string | null;
  /** Error by input name; each links to its input (`#name`). */
  errors: Record<string, string>;
  label: (name: string) => string;
}

/**
 * What a refused form send says on top of the form: a title, the message that belongs to no one field,
 * and one link per field error. It takes the focus when it appears (the forms re-mount after each send),
 * so a keyboard or screen-reader user lands on it.
 */
export function ErrorSummary({ titleId, title, message, errors, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="rounded border border-red-300 bg-red-50 p-4 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 dark:border-red-800 dark:bg-red-950/40"
    >
      <h2 id={titleId} className="font-semibold text-red-800 dark:text-red-300">
        {title}
      </h2>
      {message ? <p className="mt-1 text-red-800 dark:text-red-300">{message}</p> : null}
      {Object.keys(errors).length ? (
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {Object.entries(errors).map(([name, text]) => (
            <li key={name}>
              <a href={`#${name}`} className={linkClass}>
                {label(name)}
              </a>{" "}
              {text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
