import { localization } from "@web/core/l10n/localization";
import { patch } from "@web/core/utils/patch";
import { listDateField } from "@web/views/fields/datetime/list_datetime_field";

/**
 * Date columns wide enough for the user's date format.
 *
 * Odoo gives every date column a fixed 80 px, the width of "11/30/2026". The
 * Latvian format ("2026.11.30.") is a character longer and was cut in every
 * list (volunteer hours, journal items, ...). The width follows the format's
 * length instead, never narrower than Odoo's.
 */
const ODOO_DATE_COLUMN_WIDTH = 80;

export function dateColumnWidth() {
    // "yyyy.MM.dd." -> 11 characters; up to 9 px a digit at the list's font size, and the cell's padding
    const length = (localization.dateFormat || "").length;
    return Math.max(ODOO_DATE_COLUMN_WIDTH, 9 * length + 16);
}

// lists use their own copy of the date field ("list.date"), made when Odoo's module loads
patch(listDateField, {
    listViewWidth: dateColumnWidth,
});
