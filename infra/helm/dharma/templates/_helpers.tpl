{{/* The release's base name: every object is <fullname>-<component>. */}}
{{- define "dharma.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "dharma.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: dharma
{{- end -}}

{{/* Selector of one component's pods; call with (dict "root" $ "component" "intake"). */}}
{{- define "dharma.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "dharma.componentLabels" -}}
{{ include "dharma.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "dharma.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "dharma.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "dharma.secretName" -}}
{{- default (printf "%s-credentials" (include "dharma.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* The image of a component: <registry>/<repository>/<component>:<tag>. */}}
{{- define "dharma.image" -}}
{{- $image := .root.Values.image -}}
{{- $name := printf "%s/%s:%s" $image.repository .component (default .root.Chart.AppVersion $image.tag) -}}
{{- if $image.registry -}}{{ printf "%s/%s" $image.registry $name }}{{- else -}}{{ $name }}{{- end -}}
{{- end -}}

{{/* The identity service's in-cluster address. */}}
{{- define "dharma.identityUrl" -}}
{{- printf "http://%s-identity.%s.svc.%s:%v" (include "dharma.fullname" .) .Release.Namespace .Values.clusterDomain .Values.services.identity.port -}}
{{- end -}}

{{- define "dharma.identityIssuer" -}}
{{- default (include "dharma.identityUrl" .) .Values.identity.issuer -}}
{{- end -}}

{{/* A component's settings: the defaults overridden by its own. Call with (dict "root" $ "settings" $svc). */}}
{{- define "dharma.settings" -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy .settings)) -}}
{{- end -}}

{{/* The streams application's per-instance name service. */}}
{{- define "dharma.streamsHeadless" -}}
{{- printf "%s-streams-headless" (include "dharma.fullname" .) -}}
{{- end -}}

{{/* Every workload the release runs, as YAML: name -> {kind, settings (merged with the defaults)}. */}}
{{- define "dharma.workloads" -}}
{{- $workloads := dict "streams" (dict "kind" "StatefulSet" "settings" (include "dharma.settings" (dict "root" $ "settings" .Values.streams) | fromYaml)) -}}
{{- range $name, $svc := .Values.services -}}
{{- if or (ne $name "identity") $.Values.identity.enabled -}}
{{- $_ := set $workloads $name (dict "kind" "Deployment" "settings" (include "dharma.settings" (dict "root" $ "settings" $svc) | fromYaml)) -}}
{{- end -}}
{{- end -}}
{{- toYaml $workloads -}}
{{- end -}}

{{/* The origin users reach the console and the API at through the ingress; empty without one. */}}
{{- define "dharma.publicOrigin" -}}
{{- if and .Values.ingress.enabled .Values.ingress.host -}}
{{- printf "%s://%s" (ternary "https" "http" (not (empty .Values.ingress.tls.secretName))) .Values.ingress.host -}}
{{- end -}}
{{- end -}}
