-- Health of the DatadogAgent (Argo CD has no built-in check for it), so the services wait until the Agent
-- that receives their traces runs: Healthy once the Datadog Operator reports the node Agent (DaemonSet) and
-- the Cluster Agent Running, Degraded when it reports one of them Failed, Progressing until then.
local hs = {status = "Progressing", message = "Waiting for the Datadog Operator to report the Agent"}
if obj.status == nil or obj.status.agent == nil then
  return hs
end
local components = {{"Agent", obj.status.agent}, {"Cluster Agent", obj.status.clusterAgent}}
local running = {}
local waiting = {}
for _, component in ipairs(components) do
  local name, state = component[1], component[2]
  if state ~= nil then
    local summary = name .. " " .. (state.status or state.state or "")
    if state.state == "Failed" then
      hs.status = "Degraded"
      hs.message = summary
      return hs
    elseif state.state == "Running" then
      table.insert(running, summary)
    else
      table.insert(waiting, summary)
    end
  end
end
if #waiting > 0 then
  hs.message = table.concat(waiting, ", ")
  return hs
end
hs.status = "Healthy"
hs.message = table.concat(running, ", ")
return hs
