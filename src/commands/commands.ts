// Ribbon function file: the only button shows the task pane (declared in manifest.xml), so this page just initialises Office.
Office.onReady(() => {
  // Nothing to register: ShowTaskpane actions need no function. The page must still load Office.js for the ribbon to work.
});
