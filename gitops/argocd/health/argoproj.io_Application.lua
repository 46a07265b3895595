-- Health of a child Application, so that the app of apps waits for each sync wave to be up before the next
-- (Argo CD removed its built-in Application health check in 1.8). Since Argo CD 3.4 a child that misses some
-- of its resources reports the health of the others, so a child counts as Healthy only once it is Synced too.
local hs = {status = "Progressing", message = "Waiting for the Application to report its health"}
if obj.status == nil or obj.status.health == nil or obj.status.health.status == nil then
  return hs
end
local sync = "Unknown"
if obj.status.sync ~= nil and obj.status.sync.status ~= nil then
  sync = obj.status.sync.status
end
if obj.status.health.status == "Healthy" and sync ~= "Synced" then
  hs.message = "Healthy but " .. sync .. ": waiting for the sync to finish"
  return hs
end
hs.status = obj.status.health.status
hs.message = obj.status.health.message or ""
return hs
