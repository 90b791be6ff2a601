{{/* Names are cut at 63 characters: they become DNS labels and label values. */}}
{{- define "plumeline.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "plumeline.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "plumeline.labels" -}}
{{ include "plumeline.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: plumeline
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* image: (dict "root" $ "image" .Values.edgeCollector.image) */}}
{{- define "plumeline.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "plumeline.plantName" -}}
{{- printf "%s-%s" (include "plumeline.fullname" .root) .plant.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The ConfigMap that holds a plant's site model: the chart's own, or the one named in existingConfigMap. */}}
{{- define "plumeline.siteConfigMap" -}}
{{- if .plant.existingConfigMap -}}
{{- .plant.existingConfigMap -}}
{{- else -}}
{{- printf "%s-site" (include "plumeline.plantName" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "plumeline.siteKey" -}}
{{- .plant.siteModelKey | default "site.yaml" -}}
{{- end -}}

{{- define "plumeline.topic" -}}
{{- .plant.topic | default (printf "plumeline.telemetry.%s" .plant.name) -}}
{{- end -}}

{{- define "plumeline.flinkServiceAccount" -}}
{{- if .Values.flink.serviceAccount.name -}}
{{- .Values.flink.serviceAccount.name -}}
{{- else if .Values.flink.serviceAccount.create -}}
{{- printf "%s-flink" (include "plumeline.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- else -}}
flink
{{- end -}}
{{- end -}}

{{/* Pod-level security: every Plumeline container runs as a non-root user. */}}
{{- define "plumeline.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "plumeline.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: [ALL]
{{- end -}}

{{/* Egress rule to an external endpoint: ports from values, peers only when given (none: any address). */}}
{{- define "plumeline.egressRule" -}}
- ports:
  {{- range .ports }}
    - protocol: TCP
      port: {{ . }}
  {{- end }}
  {{- with .to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{- define "plumeline.flinkName" -}}
{{- $name := printf "%s-flink" (include "plumeline.plantName" .) -}}
{{- if gt (len $name) 45 -}}
{{- fail (printf "plants[%s]: the FlinkDeployment name %s is longer than the 45 characters Flink allows for a cluster id; shorten the release or plant name" .plant.name $name) -}}
{{- end -}}
{{- $name -}}
{{- end -}}

{{/*
The pod template of a JobManager or TaskManager (dict "root" $ "plant" $plant "component" "jobmanager"|"taskmanager"
"probePort" N). The operator fills in the image, command and resources of flink-main-container; the template adds
what the chart requires of every container: probes, a non-root user, a read-only root filesystem.
*/}}
{{- define "plumeline.flinkPodTemplate" -}}
{{- $root := .root -}}
{{- $ctx := dict "root" .root "plant" .plant -}}
{{- $storage := $root.Values.flink.storage -}}
apiVersion: v1
kind: Pod
metadata:
  labels:
    {{- include "plumeline.labels" $root | nindent 4 }}
    app.kubernetes.io/component: flink
    plumeline.io/plant: {{ .plant.name }}
    plumeline.io/flink-role: {{ .component }}
  annotations:
    {{- if .plant.siteModel }}
    checksum/site-model: {{ .plant.siteModel | sha256sum }}
    {{- end }}
spec:
  {{- with $root.Values.image.pullSecrets }}
  imagePullSecrets:
    {{- range . }}
    - name: {{ . }}
    {{- end }}
  {{- end }}
  securityContext:
    {{- include "plumeline.podSecurityContext" (dict "uid" 9999) | nindent 4 }}
  containers:
    # the operator's name for the Flink process container
    - name: flink-main-container
      {{- with $storage.credentialsSecret }}
      envFrom:
        - secretRef:
            name: {{ . }}
      {{- end }}
      livenessProbe:
        tcpSocket:
          port: {{ .probePort }}
        initialDelaySeconds: 30
        periodSeconds: 15
        failureThreshold: 4
      readinessProbe:
        tcpSocket:
          port: {{ .probePort }}
        initialDelaySeconds: 10
        periodSeconds: 10
      securityContext:
        {{- include "plumeline.containerSecurityContext" . | nindent 8 }}
      volumeMounts:
        - name: site-model
          mountPath: /etc/plumeline/site
          readOnly: true
        - name: tmp
          mountPath: /tmp
        - name: flink-log
          mountPath: /opt/flink/log
        {{- include "plumeline.kafkaConfigMount" $root | nindent 8 }}
        {{- if $storage.existingClaim }}
        - name: flink-storage
          mountPath: {{ (urlParse $storage.uri).path }}
        {{- end }}
  volumes:
    - name: site-model
      configMap:
        name: {{ include "plumeline.siteConfigMap" $ctx }}
    - name: tmp
      emptyDir:
        sizeLimit: 2Gi
    - name: flink-log
      emptyDir:
        sizeLimit: 512Mi
    {{- include "plumeline.kafkaConfigVolume" (dict "root" $root "file" "job.properties") | nindent 4 }}
    {{- if $storage.existingClaim }}
    - name: flink-storage
      persistentVolumeClaim:
        claimName: {{ $storage.existingClaim }}
    {{- end }}
{{- end -}}

{{/*
The Kafka client settings of one component, .file (collector.properties or job.properties), with the files they
name, from kafka.configSecret: a volume, its mount and the flag, each only when the Secret is set.
*/}}
{{- define "plumeline.kafkaConfigVolume" -}}
{{- with .root.Values.kafka.configSecret }}
- name: kafka-config
  secret:
    secretName: {{ . }}
    defaultMode: 0400
    items:
      - {key: {{ $.file }}, path: {{ $.file }}}
      {{- range $.root.Values.kafka.configSecretFiles }}
      - {key: {{ . }}, path: {{ . }}}
      {{- end }}
{{- end }}
{{- end -}}

{{- define "plumeline.kafkaConfigMount" -}}
{{- if .Values.kafka.configSecret }}
- name: kafka-config
  mountPath: /etc/plumeline/kafka
  readOnly: true
{{- end }}
{{- end -}}

{{- define "plumeline.kafkaConfigArg" -}}
{{- if .root.Values.kafka.configSecret }}
- --kafka-config=/etc/plumeline/kafka/{{ .file }}
{{- end }}
{{- end -}}

{{/*
The collector's --spool-max-mb: 80 % of the spool volume's size (a Kubernetes quantity such as 2Gi or 500M),
in the collector's MB of 1,000,000 bytes.
*/}}
{{- define "plumeline.spoolMaxMb" -}}
{{- $q := toString . -}}
{{- $units := dict "Ki" 1024 "Mi" 1048576 "Gi" 1073741824 "Ti" 1099511627776 "k" 1000 "M" 1000000 "G" 1000000000 "T" 1000000000000 -}}
{{- $bytes := 0 -}}
{{- range $suffix, $factor := $units -}}
{{- if hasSuffix $suffix $q -}}
{{- $bytes = mul (int64 (trimSuffix $suffix $q)) $factor -}}
{{- end -}}
{{- end -}}
{{- if eq $bytes 0 -}}
{{- $bytes = int64 $q -}}
{{- end -}}
{{- $mb := div (mul $bytes 8) 10000000 -}}
{{- if lt $mb 1 -}}
{{- fail (printf "edgeCollector.spool.sizeLimit %s: too small for a spool" $q) -}}
{{- end -}}
{{- $mb -}}
{{- end -}}
