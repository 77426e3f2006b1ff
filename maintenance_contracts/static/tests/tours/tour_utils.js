/**
 * Steps shared by the office tours: open a menu of « Customer maintenance »
 * from the apps menu, as the user does.
 */
export function openMenu(section, item) {
    return [
        {
            content: "The apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Customer maintenance",
            trigger: ".o-dropdown-item[data-menu-xmlid='maintenance_contracts.maintenance_root_menu']",
            run: "click",
        },
        {
            content: `The ${section} menu`,
            trigger: `.o_menu_sections [data-menu-xmlid='maintenance_contracts.${section}']`,
            run: "click",
        },
        {
            content: `The ${item} menu`,
            trigger: `.dropdown-item[data-menu-xmlid='maintenance_contracts.${item}']`,
            run: "click",
        },
    ];
}
