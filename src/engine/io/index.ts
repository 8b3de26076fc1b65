/**
 * Files and links in and out — pure: open/save (lm-topology JSON), share links, the design
 * report (Markdown, HTML) and the PowerShell apply script. The UI does the downloading.
 */
export { serializeTopology, topologyFileName, baseFileName, exportFileNames, pageFileName, TOPOLOGY_EXTENSION } from './serialize';
export { readTopologyFile, MAX_FILE_BYTES, formatSize, tooLargeMessage, type ReadResult } from './read';
export { encodeShareLink, decodeShareLink, isShareFragment, SHARE_PREFIX, SHARE_VERSION, MAX_SHARE_DATA_CHARS, SHARE_LINK_WARN_CHARS } from './share';
export { buildReport, escapeHtml, escapeMarkdown, type ReportOptions } from './report';
export { buildPowerShell, psString, psComment, psInt, type PowerShellResult } from './powershell';
export { base64, decodeText, utf8 } from './bytes';
export { buildDrawio, hexColour, type DrawioInput } from './drawio';
export type { Scene, SceneEdge, SceneKind, SceneLabel, SceneShape, StrokeStyle } from './scene';
export { buildPathTestScript, designNodes, keepsTooMuch, PATH_TEST_FILE, PATH_TEST_SCRIPT_FILE, parsePathTest, withPathTest, MAX_ATTEMPTS, MAX_PATH_TEST_BYTES, type PathTestRead } from './verify';
export { buildHistoryScript, HISTORY_FILE, HISTORY_SCRIPT_FILE, parseHistory, withHistory, MAX_HISTORY_EVENTS, MAX_HISTORY_BYTES, type HistoryRead } from './history';
