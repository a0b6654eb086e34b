import type { Lang } from '../story/types.js';

/**
 * MapLibre's own control labels (its `locale` table keys), in each language the viewer speaks:
 * the zoom buttons and the attribution toggle are read out by screen readers too.
 */
export const CONTROL_STRINGS: Record<Lang, Record<string, string>> = {
  'zh-Hant': {
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '縮小',
    'NavigationControl.ResetBearing': '重設方向（指北）',
    'AttributionControl.ToggleAttribution': '顯示或隱藏資料出處',
    'AttributionControl.Fallback': '離線底圖（後備：指定的底圖未能載入）',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
    'CooperativeGesturesHandler.MobileHelpText': '用兩隻手指移動地圖',
    'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 並捲動以縮放地圖',
    'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 並捲動以縮放地圖',
  },
  'zh-Hans': {
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'NavigationControl.ResetBearing': '重置方向（指北）',
    'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
    'AttributionControl.Fallback': '离线底图（备用：指定的底图未能加载）',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
  },
  en: {
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
    'AttributionControl.ToggleAttribution': 'Show or hide data sources',
    'AttributionControl.Fallback': 'Offline basemap (fallback: the chosen basemap could not be loaded)',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
  },
};

/** Control buttons whose label follows the language, by CSS class and locale key. */
export const CONTROL_BUTTONS: readonly [selector: string, key: string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

/** Relabels MapLibre's control buttons in `container`: MapLibre reads its locale only when the map is created. */
export function relabelControls(container: ParentNode, lang: Lang): void {
  for (const [selector, key] of CONTROL_BUTTONS) {
    const text = CONTROL_STRINGS[lang][key]!;
    container.querySelectorAll(selector).forEach((button) => {
      button.setAttribute('aria-label', text);
      button.setAttribute('title', text);
    });
  }
  // The hint a one-finger drag on the map shows (cooperative gestures): not a button, text only.
  const hint = container.querySelector('.maplibregl-mobile-message');
  if (hint) hint.textContent = CONTROL_STRINGS[lang]['CooperativeGesturesHandler.MobileHelpText']!;
}
