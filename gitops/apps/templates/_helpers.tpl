{{/* Metadata of every child Application: its sync wave, and the finalizer that makes deleting the
     Application delete its resources first (so deleting the root cleans up the whole product). */}}
{{- define "apps.metadata" -}}
name: {{ .name }}
namespace: {{ .root.Release.Namespace }}
annotations:
  argocd.argoproj.io/sync-wave: {{ .wave | quote }}
finalizers:
  - resources-finalizer.argocd.argoproj.io
{{- end }}

{{/* The project and in-cluster destination namespace of a child Application. */}}
{{- define "apps.placement" -}}
project: dapr-liberty
destination:
  server: https://kubernetes.default.svc
  namespace: {{ . }}
{{- end }}

{{/* This repository at the root's revision: the URL and revision live in the root Application only. */}}
{{- define "apps.gitSource" -}}
repoURL: {{ required "repoURL is empty: the root Application sets it to $ARGOCD_APP_SOURCE_REPO_URL" .Values.repoURL }}
targetRevision: {{ required "targetRevision is empty: the root Application sets it to $ARGOCD_APP_SOURCE_TARGET_REVISION" .Values.targetRevision }}
{{- end }}

{{/* Automated sync: prune what left git, undo changes made by hand, retry failed syncs (e.g. while a
     webhook starts). Takes the sync options beyond CreateNamespace; each caller says why it needs them. */}}
{{- define "apps.syncPolicy" -}}
syncPolicy:
  automated:
    prune: true
    selfHeal: true
  syncOptions:
    - CreateNamespace=true
    {{- range . }}
    - {{ . }}
    {{- end }}
  retry:
    limit: 10
    backoff:
      duration: 10s
      factor: 2
      maxDuration: 3m
{{- end }}
