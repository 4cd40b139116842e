import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mazpulki_strategy_board_tour", {
    url: "/odoo/mazpulki-strategy",
    steps: () => [
        {
            content: "The board shows the members target",
            trigger: ".o_board_table tr[data-code='M4a']",
        },
        {
            content: "The funding raised per source shows under the targets",
            trigger: ".o_board_funding_table tbody tr[data-source] .o_board_money[data-code='funding.raised']",
        },
        {
            content: "Filter a region",
            trigger: "select.o_board_region",
            run: "selectByLabel Kurzeme",
        },
        {
            content: "Members target narrowed to the region",
            trigger: ".o_board_table tr[data-code='M4a'] td.o_board_cell",
        },
        {
            content: "Open the chart of online clubs",
            trigger: ".o_board_table tr[data-code='M4d'] .o_board_chart_toggle",
            run: "click",
        },
        {
            content: "Chart is drawn",
            trigger: ".o_board_chart canvas",
        },
        {
            content: "Open the records behind the figure of online clubs",
            trigger: ".o_board_table tr[data-code='M4d'] a.o_board_figure:first",
            run: "click",
        },
        {
            content: "The list of the counted records is open",
            trigger: ".o_list_view",
        },
    ],
});
