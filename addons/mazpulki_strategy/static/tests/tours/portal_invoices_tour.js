import { registry } from "@web/core/registry";

const ICON = "/mazpulki_strategy/static/src/img/portal_invoices.svg";

registry.category("web_tour.tours").add("mazpulki_portal_no_invoices", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home has counted the documents",
            trigger: ".o_portal_my_home:not(:has(.o_portal_doc_spinner))",
        },
        {
            content: "The member's own card shows",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/membership']",
        },
        {
            content: "No invoice: no invoices card",
            trigger: ".o_portal_my_home:not(:has(.o_portal_index_card:not(.d-none) a[href^='/my/invoices']))",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_portal_invoices", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home has counted the documents",
            trigger: ".o_portal_my_home:not(:has(.o_portal_doc_spinner))",
        },
        {
            content: "An invoice: the card shows, with the euro icon",
            trigger: `.o_portal_index_card:not(.d-none):has(a[href^='/my/invoices']) img[src='${ICON}']`,
        },
    ],
});
