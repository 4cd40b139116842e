import { registry } from "@web/core/registry";

/**
 * A guardian on a phone, in Latvian, asks the office for help with the camp fee.
 */
registry.category("web_tour.tours").add("mazpulki_fee_help_phone", {
    url: "/lv/my",
    steps: () => [
        {
            content: "The portal home shows the fee help card",
            trigger: ".o_portal_index_card:not(.d-none) a[href$='/my/fee-help']",
            run: "click",
        },
        {
            content: "The form asks why, in Latvian",
            trigger: "label[for='mazpulki_fee_reason']:contains('Kāpēc jūs lūdzat atbalstu?')",
        },
        {
            content: "The page fits the phone",
            trigger: "body",
            run() {
                const width = document.documentElement.scrollWidth;
                if (width > window.innerWidth) {
                    throw new Error(`the fee help page is ${width} px wide on a ${window.innerWidth}-px phone`);
                }
            },
        },
        {
            content: "The guardian writes the reason",
            trigger: "textarea[name='reason']",
            run: "edit Šogad esmu bez darba, varu samaksāt pusi.",
        },
        {
            content: "and sends it",
            trigger: ".o_mazpulki_fee_help_submit",
            run: "click",
        },
        {
            content: "The office has it: a thank-you and the request in the list",
            trigger: ".o_mazpulki_fee_help_sent:contains('Paldies')",
        },
        {
            content: "The request waits for the office",
            trigger: ".o_mazpulki_fee_help_requests .o_mazpulki_fee_help_reason:contains('varu samaksāt pusi')",
        },
    ],
});
