// AntDesign Blazor 1.6 renders icons as role="img" without a name, pagination arrows as buttons without a name and
// with aria-disabled="True", and tables that scroll sideways on a phone without a way to focus them. This names or
// hides them whenever the page changes, so screen readers and keyboards get what axe-core checks for.
(() => {
    const persian = () => document.documentElement.lang === 'fa';
    const arrows = [['.ant-pagination-prev', 'صفحه‌ی قبل', 'Previous page'], ['.ant-pagination-next', 'صفحه‌ی بعد', 'Next page']];
    const fix = () => {
        for (const icon of document.querySelectorAll('.anticon[role="img"]:not([aria-hidden]):not([aria-label])')) {
            icon.setAttribute('aria-hidden', 'true');
        }
        for (const element of document.querySelectorAll('[aria-disabled="True"], [aria-disabled="False"]')) {
            element.setAttribute('aria-disabled', element.getAttribute('aria-disabled').toLowerCase());
        }
        for (const [selector, fa, en] of arrows) {
            for (const item of document.querySelectorAll(selector)) {
                const disabled = String(item.classList.contains('ant-pagination-disabled'));
                if (item.getAttribute('aria-disabled') !== disabled) {
                    item.setAttribute('aria-disabled', disabled);
                }
            }
            for (const button of document.querySelectorAll(`${selector} button:not([aria-label])`)) {
                button.setAttribute('aria-label', persian() ? fa : en);
            }
        }
        for (const input of document.querySelectorAll('input[role="combobox"]:not([aria-expanded])')) {
            input.setAttribute('aria-expanded', 'false');
        }
        for (const input of document.querySelectorAll('.ant-pagination-options input:not([aria-label])')) {
            input.setAttribute('aria-label', persian() ? 'تعداد در هر صفحه' : 'Rows per page');
        }
        // Pagination and progress numbers come from AntDesign in Latin digits; Persian shows Persian ones.
        if (persian()) {
            // Text nodes are changed in place: Blazor keeps references to them and updates them later.
            for (const element of document.querySelectorAll('.ant-pagination-item a, .ant-pagination-options .ant-select-selection-item, .ant-progress-text')) {
                for (const node of element.childNodes) {
                    if (node.nodeType === Node.TEXT_NODE && /[0-9]/.test(node.nodeValue)) {
                        node.nodeValue = node.nodeValue.replace(/[0-9]/g, d => '۰۱۲۳۴۵۶۷۸۹'[d]);
                    }
                }
            }
        }
        for (const region of document.querySelectorAll('.ant-table-wrapper:not([tabindex])')) {
            region.setAttribute('tabindex', '0');
        }
    };
    new MutationObserver(fix).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-disabled', 'class'] });
    fix();
})();
