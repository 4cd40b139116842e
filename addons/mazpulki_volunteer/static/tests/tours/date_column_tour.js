import { registry } from "@web/core/registry";

// A date column shows the whole date in the user's format ("2026.11.27." in Latvian), not "2026.11....".
registry.category("web_tour.tours").add("mazpulki_date_column_width", {
    url: "/odoo/volunteer-hours",
    steps: () => [
        {
            content: "The hours list shows its dates whole",
            trigger: ".o_list_table td.o_data_cell[name='date']:contains('.')",
            run() {
                const cell = this.anchor;
                if (cell.scrollWidth > cell.clientWidth) {
                    throw new Error(`The date "${cell.textContent}" is cut: ${cell.scrollWidth} > ${cell.clientWidth} px`);
                }
            },
        },
    ],
});
