-- Neovim (0.7+) end-to-end check of `hostnetlint lsp` with the built-in client, run headless by
-- NeovimEndToEndTests: nvim --headless -u NONE -c "luafile hostnetlint-e2e.lua".
-- Inputs (environment): HOSTNETLINT_CMD (JSON array: the server command), SAMPLE_ROOT (a copy of
-- tests/sample-deployment), RESULT_FILE (where the outcome goes, one "key=value" per line).
local results = {}
local function finish(ok)
  local file = io.open(vim.env.RESULT_FILE, 'w')
  for _, line in ipairs(results) do file:write(line, '\n') end
  file:write('ok=', ok and 'true' or 'false', '\n')
  file:close()
  vim.cmd(ok and 'qa!' or 'cquit! 1')
end

local function codes(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(found, string.format('%s@%d:%d', code, d.lnum, d.col))
  end
  table.sort(found)
  return table.concat(found, ',')
end

local ok, err = pcall(function()
  local root = vim.env.SAMPLE_ROOT
  local path = root .. '/airflow/docker-compose.yaml'
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'hostnetlint',
    cmd = vim.fn.json_decode(vim.env.HOSTNETLINT_CMD),
    root_dir = root,
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local seen = vim.wait(60000, function() return codes(bufnr):find('HNL1001@24:2', 1, true) ~= nil end, 50)
  table.insert(results, 'diagnostics=' .. codes(bufnr))
  assert(seen, 'no HNL1001 diagnostic at 24:2')

  -- The light bulb on the webserver's finding; take the preferred quick fix and apply its edit.
  local client = vim.lsp.get_client_by_id(client_id)
  local params = vim.lsp.util.make_range_params()
  params.range = { start = { line = 24, character = 2 }, ['end'] = { line = 24, character = 2 } }
  params.context = { diagnostics = {} }
  local response = client.request_sync('textDocument/codeAction', params, 30000, bufnr)
  assert(response and response.result, 'no code actions: ' .. vim.inspect(response))
  local chosen
  for _, action in ipairs(response.result) do
    table.insert(results, 'action=' .. action.title)
    if action.isPreferred then chosen = chosen or action end
  end
  assert(chosen and chosen.edit, 'no preferred action with an edit')
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  table.insert(results, 'applied=' .. (text:find('    - postgres\n  network_mode: host\n', 1, true) and 'network_mode' or 'missing'))

  -- The edit is a change like any other: the server re-lints the buffer and HNL1001 is gone.
  local cleared = vim.wait(60000, function() return codes(bufnr):find('HNL1001', 1, true) == nil end, 50)
  table.insert(results, 'after=' .. codes(bufnr))
  assert(cleared, 'HNL1001 is still reported after the fix')
end)

if not ok then table.insert(results, 'error=' .. tostring(err)) end
finish(ok)
