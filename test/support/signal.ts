// A promise and the function that settles it: how a test holds a transaction open until it says so,
// and learns when the transaction got there.

export interface Signal {
  /** Settles once `fire` is called. */
  reached: Promise<void>;
  fire: () => void;
}

export function signal(): Signal {
  let fire = () => {};
  const reached = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { reached, fire };
}
