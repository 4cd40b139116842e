// The website's attendee form: choosing who takes part (one of the guardian's children,
// or herself) fills that person's name, e-mail and phone in the attendee's fields.
document.addEventListener("change", (ev) => {
    const select = ev.target.closest && ev.target.closest("select.o_mazpulki_attendee_person");
    if (!select) {
        return;
    }
    const option = select.selectedOptions[0];
    const body = select.closest(".modal-body");
    for (const field of ["name", "email", "phone"]) {
        const input = body.querySelector(`input[name^="${select.dataset.index}-${field}-"]`);
        if (input) {
            input.value = (option && option.dataset[field]) || "";
        }
    }
});
