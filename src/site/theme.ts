/**
 * Runs first in <body>, before the page paints, so a reader who chose a theme never sees the other
 * one flash. It also marks that scripts run, which shows the theme toggle. A few hundred bytes,
 * identical on every page (a Content-Security-Policy hash covers it).
 */
export const THEME_SCRIPT =
  "(function(){var d=document.documentElement;d.classList.add('has-js');" +
  "try{var t=localStorage.getItem('dateline-theme');" +
  "if(t==='dark'||t==='light')d.dataset.theme=t}catch(e){}})()";
