import type { Lang } from '../story/types.js';

/** The MapLibre locale keys the viewer sets: every language must give each (the type checks it). */
type ControlKey =
  | 'NavigationControl.ZoomIn'
  | 'NavigationControl.ZoomOut'
  | 'NavigationControl.ResetBearing'
  | 'AttributionControl.ToggleAttribution'
  | 'AttributionControl.Fallback'
  | 'ScaleControl.Meters'
  | 'ScaleControl.Kilometers'
  | 'CooperativeGesturesHandler.MobileHelpText'
  | 'CooperativeGesturesHandler.WindowsHelpText'
  | 'CooperativeGesturesHandler.MacHelpText';

/**
 * MapLibre's own control labels (its `locale` table keys), in each language the viewer speaks:
 * the zoom buttons and the attribution toggle are read out by screen readers too.
 */
export const CONTROL_STRINGS = {
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
    'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
    'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 并滚动以缩放地图',
    'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 并滚动以缩放地图',
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
} as const satisfies Record<Lang, Record<ControlKey, string>>;

/** Control buttons whose label follows the language, by CSS class and locale key. */
export const CONTROL_BUTTONS: readonly [selector: string, key: ControlKey][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

/** Relabels MapLibre's control buttons in `container`: MapLibre reads its locale only when the map is created. */
export function relabelControls(container: ParentNode, lang: Lang): void {
  for (const [selector, key] of CONTROL_BUTTONS) {
    const text = CONTROL_STRINGS[lang][key];
    container.querySelectorAll(selector).forEach((button) => {
      button.setAttribute('aria-label', text);
      button.setAttribute('title', text);
    });
  }
  // The hint a one-finger drag on the map shows (cooperative gestures): not a button, text only.
  const hint = container.querySelector('.maplibregl-mobile-message');
  if (hint) hint.textContent = CONTROL_STRINGS[lang]['CooperativeGesturesHandler.MobileHelpText'];
}
