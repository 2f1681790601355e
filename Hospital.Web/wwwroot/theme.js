// Light or dark theme: the user's choice (kept in this browser) or else the system's preference. Runs in <head>,
// after the theme stylesheets, so the first paint already has the right colours.
(function () {
    'use strict';
    const key = 'hospital-theme';
    const system = window.matchMedia('(prefers-color-scheme: dark)');

    function stored() {
        try {
            const value = localStorage.getItem(key);
            return value === 'dark' || value === 'light' ? value : null;
        } catch {
            return null;
        }
    }

    function current() {
        return stored() || (system.matches ? 'dark' : 'light');
    }

    function apply(theme) {
        const root = document.documentElement;
        root.dataset.theme = theme;
        root.style.colorScheme = theme;
        for (const link of document.querySelectorAll('link[data-theme]')) {
            link.media = link.dataset.theme === theme ? 'all' : 'not all';
        }
    }

    window.hospitalTheme = {
        get: current,
        set(theme) {
            try {
                localStorage.setItem(key, theme);
            } catch {
                // Private mode: the choice lasts for this page only.
            }
            apply(theme);
            return theme;
        },
    };

    system.addEventListener('change', () => {
        if (!stored()) {
            apply(current());
        }
    });
    apply(current());
})();
