/**
 * Citizen satisfaction (domain.md §7): three levels by default, a five-level variant as an office setting.
 * The question is the one offices use on their rating tablets.
 */
export const RatingLevel = {
  VERY_SATISFIED: 'very_satisfied',
  SATISFIED: 'satisfied',
  NEUTRAL: 'neutral',
  UNSATISFIED: 'unsatisfied',
  VERY_UNSATISFIED: 'very_unsatisfied',
} as const;
/** One satisfaction level as stored on a rating. */
export type RatingLevel = (typeof RatingLevel)[keyof typeof RatingLevel];

/** Every level, best first. */
export const RATING_LEVELS: readonly RatingLevel[] = Object.values(RatingLevel);

/** Sizes of the rating scale an office may choose. */
export const RATING_SCALES = [3, 5] as const;
/** An office's rating scale. */
export type RatingScale = (typeof RATING_SCALES)[number];

/** The levels offered on each scale, best first. */
export const SCALE_LEVELS: Record<RatingScale, readonly RatingLevel[]> = {
  3: ['very_satisfied', 'satisfied', 'unsatisfied'],
  5: ['very_satisfied', 'satisfied', 'neutral', 'unsatisfied', 'very_unsatisfied'],
};

/** Score of each level (5 best), the same on both scales so reports can mix periods. */
export const RATING_SCORE: Record<RatingLevel, number> = {
  very_satisfied: 5,
  satisfied: 4,
  neutral: 3,
  unsatisfied: 2,
  very_unsatisfied: 1,
};

/**
 * Whether a level needs a written reason: "Không hài lòng" always (domain.md §7), and on the five-level scale its
 * stronger form too, so the lowest level of either scale always carries one.
 */
export const needsReason = (level: RatingLevel): boolean => level === 'unsatisfied' || level === 'very_unsatisfied';

/** Shortest reason accepted where one is required (trimmed). */
export const MIN_REASON_LENGTH = 3;

/** Labels of the levels. */
export const RATING_LEVEL_LABELS: Record<RatingLevel, { vi: string; en: string }> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neutral' },
  unsatisfied: { vi: 'Không hài lòng', en: 'Unsatisfied' },
  very_unsatisfied: { vi: 'Rất không hài lòng', en: 'Very unsatisfied' },
};

/** The main question (domain.md §7). */
export const RATING_QUESTION = {
  vi: 'Ông/Bà đánh giá như thế nào về thái độ công chức khi tiếp nhận và hướng dẫn giải quyết hồ sơ?',
  en: 'How do you rate the attitude of the officer who received your dossier and guided you?',
} as const;

/**
 * Optional detailed criteria, each rated on the same scale. The seeds ask for staff responsibility and an
 * end to harassment (nhũng nhiễu); the others follow the aspects offices survey (guidance, time, facilities).
 */
export const RatingCriterion = {
  GUIDANCE: 'guidance',
  TIMELINESS: 'timeliness',
  INTEGRITY: 'integrity',
  FACILITIES: 'facilities',
} as const;
/** One optional criterion. */
export type RatingCriterion = (typeof RatingCriterion)[keyof typeof RatingCriterion];

/** Every criterion, in the order the screens show them. */
export const RATING_CRITERIA: readonly RatingCriterion[] = Object.values(RatingCriterion);

/** Labels of the criteria. */
export const RATING_CRITERION_LABELS: Record<RatingCriterion, { vi: string; en: string }> = {
  guidance: { vi: 'Hướng dẫn đầy đủ, dễ hiểu', en: 'Clear, complete guidance' },
  timeliness: { vi: 'Thời gian chờ và giải quyết', en: 'Waiting and processing time' },
  integrity: { vi: 'Không gây phiền hà, nhũng nhiễu', en: 'No red tape or harassment' },
  facilities: { vi: 'Nơi ngồi chờ, cơ sở vật chất', en: 'Waiting area and facilities' },
};
