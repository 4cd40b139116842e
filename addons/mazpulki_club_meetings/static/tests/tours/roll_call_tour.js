import { registry } from "@web/core/registry";

// A card reader (or the phone's scanner keyboard) types the code and presses Enter, faster than a person.
function typeCardCode(code) {
    for (const key of [...code, "Enter"]) {
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    }
}

// The network drops: every request fails as it does on a mobile network (see the offline desk's tour).
function cutNetwork() {
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
        if (window.__mazpulkiOffline) {
            setTimeout(() => this.dispatchEvent(new ProgressEvent("error")));
            return;
        }
        return send.call(this, body);
    };
    window.__mazpulkiOffline = true;
}

function restoreNetwork() {
    window.__mazpulkiOffline = false;
    window.dispatchEvent(new Event("online"));
}

function row(name) {
    return `.o_mazpulki_rc_member[data-member='${name}']`;
}

registry.category("web_tour.tours").add("mazpulki_club_meetings_roll_call", {
    steps: () => [
        {
            content: "Today's meeting opens, with the mother's absence reported ahead",
            trigger: `.o_mazpulki_roll_call:contains('Tūres sanāksme') ${row("Kārlis Bērziņš")} .o_mazpulki_rc_ahead:contains('Slims ar gripu')`,
        },
        {
            content: "The roll call fits the phone: no horizontal scroll",
            trigger: ".o_mazpulki_roll_call",
            run() {
                const el = document.querySelector(".o_mazpulki_roll_call");
                if (el.scrollWidth > window.innerWidth + 1) {
                    throw new Error(`The roll call is ${el.scrollWidth}px wide on a ${window.innerWidth}px screen`);
                }
            },
        },
        {
            content: "Marta is present: one tap",
            trigger: `${row("Marta Bērziņa")} .o_mazpulki_rc_present`,
            run: "click",
        },
        {
            content: "Marta is marked",
            trigger: `${row("Marta Bērziņa")}.o_mazpulki_rc_is_present`,
        },
        {
            content: "Līga's card is scanned",
            trigger: ".o_mazpulki_rc_code",
            run: () => typeCardCode("TourRollCallLiga"),
        },
        {
            content: "Līga is present, by her card",
            trigger: `${row("Līga Ozoliņa")}.o_mazpulki_rc_is_present .fa-qrcode`,
        },
        {
            content: "A visitor",
            trigger: ".o_mazpulki_rc_add_visitor",
            run: "click",
        },
        { trigger: "input[name=visitor_name]", run: "edit Anna Viesīte" },
        {
            trigger: "input[name=visitor_birthdate]",
            run() {
                this.anchor.value = "2017-05-14";
                this.anchor.dispatchEvent(new Event("input", { bubbles: true }));
            },
        },
        { trigger: "input[name=visitor_guardian]", run: "edit Inga Viesīte" },
        { trigger: "input[name=visitor_phone]", run: "edit +371 29111222" },
        { trigger: "input[name=visitor_email]", run: "edit inga.viesite@example.lv" },
        { trigger: "input[name=visitor_consent]", run: "click" },
        { trigger: ".o_mazpulki_rc_visitor_save", run: "click" },
        {
            content: "Her application with one tap",
            trigger: ".o_mazpulki_rc_visitor:contains('Anna Viesīte') .o_mazpulki_rc_application",
            run: "click",
        },
        {
            content: "The application is made",
            trigger: ".o_mazpulki_rc_visitor:contains('Anna Viesīte') .badge",
        },
        {
            content: "The others are absent",
            trigger: ".o_mazpulki_rc_rest_absent",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_mazpulki_rc_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_mazpulki_rc_save.o_mazpulki_rc_saved",
        },
        {
            content: "The network drops",
            trigger: ".o_mazpulki_roll_call",
            run: cutNetwork,
        },
        {
            content: "Marta left early: absent after all",
            trigger: `${row("Marta Bērziņa")} .o_mazpulki_rc_absent`,
            run: "click",
        },
        {
            content: "Save offline",
            trigger: ".o_mazpulki_rc_save:not(.o_mazpulki_rc_saved)",
            run: "click",
        },
        {
            content: "The roll call waits on the phone",
            trigger: ".o_mazpulki_rc_waiting:contains('1')",
        },
        {
            content: "The network is back",
            trigger: ".o_mazpulki_rc_offline",
            run: restoreNetwork,
        },
        {
            content: "The queue is sent",
            trigger: ".o_mazpulki_roll_call:not(:has(.o_mazpulki_rc_waiting))",
        },
    ],
});
