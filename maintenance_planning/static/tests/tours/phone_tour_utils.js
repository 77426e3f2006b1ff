/**
 * What the technician's phone tours share: the phone's position, the
 * finger on the signature pad, and the check that nothing is wider than
 * the screen.
 */

/** The phone gives this position (a point about 50 m from the test site). */
export const POSITION = { coords: { latitude: 45.7601, longitude: 4.8425, accuracy: 12 } };

/** Replace the browser's geolocation by a phone that answers `position`. */
export function givePosition(position = POSITION) {
    Object.defineProperty(navigator, "geolocation", {
        configurable: true,
        value: {
            getCurrentPosition: (success) => success(position),
            watchPosition: () => 0,
            clearWatch: () => {},
        },
    });
}

/**
 * A step: nothing is wider than the phone, neither the page nor any box
 * that scrolls sideways (tabs, chatter, the form itself).
 */
export function noSideScroll(where) {
    return {
        content: `Nothing scrolls sideways: ${where}`,
        trigger: "body",
        run() {
            const errors = [];
            const page = document.documentElement;
            if (page.scrollWidth > window.innerWidth) {
                errors.push(`the page is ${page.scrollWidth}px wide for ${window.innerWidth}px`);
            }
            for (const el of document.body.querySelectorAll("*")) {
                const { overflowX } = getComputedStyle(el);
                if (
                    ["auto", "scroll"].includes(overflowX) &&
                    el.scrollWidth > el.clientWidth + 1
                ) {
                    errors.push(
                        `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} scrolls: ` +
                            `${el.scrollWidth}px in ${el.clientWidth}px`
                    );
                }
            }
            if (errors.length) {
                throw new Error(`Sideways scroll ${where}: ${errors.join("; ")}`);
            }
        },
    };
}

/** Draw a stroke on the signature pad with the finger (pointer events). */
export async function drawSignature(canvas) {
    const box = canvas.getBoundingClientRect();
    const point = (x, y, buttons) => ({
        bubbles: true,
        cancelable: true,
        isPrimary: true,
        pointerId: 1,
        pointerType: "touch",
        buttons,
        clientX: box.left + x * box.width,
        clientY: box.top + y * box.height,
    });
    canvas.dispatchEvent(new PointerEvent("pointerdown", point(0.1, 0.6, 1)));
    for (let step = 1; step <= 12; step++) {
        const x = 0.1 + step * 0.065;
        const y = 0.6 - 0.3 * Math.sin(step / 2);
        await new Promise((resolve) => setTimeout(resolve, 20));
        canvas.dispatchEvent(new PointerEvent("pointermove", point(x, y, 1)));
    }
    canvas.dispatchEvent(new PointerEvent("pointerup", point(0.9, 0.5, 0)));
}
