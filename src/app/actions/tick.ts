/** A macrotask boundary: lets the page render and handle input between two steps of a long job. */
export const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
