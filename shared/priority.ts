/**
 * Default priority groups. No legal list exists for one-stop reception; the nearest statutory list is
 * Luật Khám bệnh, chữa bệnh 2023 Điều 3 (elderly, disabled, pregnant, people with merit, small children).
 */
export const PriorityGroup = {
  ELDERLY: 'elderly',
  DISABLED: 'disabled',
  PREGNANT: 'pregnant',
  MERIT: 'merit',
  YOUNG_CHILD: 'young_child',
  APPOINTMENT: 'appointment',
} as const;
/** A priority group code as stored on a ticket. */
export type PriorityGroup = (typeof PriorityGroup)[keyof typeof PriorityGroup];

/** Every priority group code, in the order the kiosk shows them. */
export const PRIORITY_GROUPS: readonly PriorityGroup[] = Object.values(PriorityGroup);

/** Labels of each group; `{age}` is replaced by the office's elderly age. */
export const PRIORITY_LABELS: Record<PriorityGroup, { vi: string; en: string }> = {
  elderly: { vi: 'Người cao tuổi (từ {age} tuổi)', en: 'Senior citizen ({age}+)' },
  disabled: { vi: 'Người khuyết tật', en: 'Person with a disability' },
  pregnant: { vi: 'Phụ nữ có thai', en: 'Pregnant woman' },
  merit: { vi: 'Người có công với cách mạng', en: 'Person with revolutionary merit' },
  young_child: { vi: 'Người đi cùng trẻ em dưới 6 tuổi', en: 'Accompanying a child under 6' },
  appointment: { vi: 'Có lịch hẹn trước', en: 'Appointment holder' },
};
