// Work in a worker that a person can cancel: the worker is asked to stop, the caller hears of the
// cancel at once, and the worker is stopped outright when the work settles either way.

export interface CancellableJob<T> {
  result: Promise<T>;
  cancel(): void;
}

/** `what` names the work in the cancel's message ("The simulation", "The export"). */
export function cancellableJob<T>(worker: Worker, work: Promise<T>, askToStop: () => unknown, what: string): CancellableJob<T> {
  let stop: (reason: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const result = Promise.race([work, stopped]).finally(() => worker.terminate());
  return {
    result,
    cancel() {
      void askToStop();
      stop(new DOMException(`${what} was cancelled`, 'AbortError'));
    },
  };
}
