/** The open review's info (name, read-only flag, reviewers), loaded once and shared. */
import { createContext, useContext } from 'react';
import type { ReviewInfo } from '../../../shared/model/index';

export const ReviewContext = createContext<ReviewInfo | null>(null);

export function useReview(): ReviewInfo | null {
  return useContext(ReviewContext);
}

/** Write actions are disabled until we know the review is writable. */
export function useReadOnly(): boolean {
  const info = useReview();
  return info === null || info.readOnly;
}
