export const BILL_PAGE_SIZE = 12;
