import { useState } from 'react';
import type { SipasAnswers } from './useSipas';

type Answer = SipasAnswers[string];

/**
 * The answers of one questionnaire being filled in (by the respondent online, or by a surveyor entering a paper or
 * phone answer): setting or clearing an answer clears its "missing" mark, and `checkComplete` marks the required
 * questions left unanswered and focuses the first of them.
 */
export const useSurveyAnswers = () => {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const set = (key: string, value: Answer | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) {
        delete next[key];
      } else {
        next[key] = value;
      }
      return next;
    });
    setMissing((current) => {
      const next = new Set(current);
      next.delete(key);
      return next;
    });
  };
  const checkComplete = (questions: readonly { key: string; required?: boolean }[]): boolean => {
    const unanswered = questions.filter((q) => q.required && answers[q.key] === undefined).map((q) => q.key);
    setMissing(new Set(unanswered));
    if (unanswered.length > 0) {
      document.getElementsByName(`q-${unanswered[0]}`)[0]?.focus();
      return false;
    }
    return true;
  };
  return { answers, missing, set, checkComplete, reset: () => setAnswers({}) };
};
