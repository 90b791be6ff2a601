#!/usr/bin/env bash
# Builds Plumeline's images from the repository root (docs/operations.md, "Build and push the images"):
#   deploy/build-images.sh REGISTRY TAG [--push]
# Each Java service of deploy/images.tsv from deploy/java-service/Dockerfile, then the Flink job's image from the
# shaded job jar (deploy/flink-jobs/Dockerfile). Prints each image as it is built and a summary at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 2 ]] || { echo "usage: deploy/build-images.sh REGISTRY TAG [--push]" >&2; exit 2; }
registry="$1" tag="$2" push="${3:-}"
[[ -z "$push" || "$push" == --push ]] || { echo "unknown option '$push' (only --push)" >&2; exit 2; }
built=()
started="$SECONDS"

while IFS=$'\t' read -r image module main packages; do
  [[ -z "$image" || "$image" == \#* ]] && continue
  echo "== $registry/$image:$tag ($module, $main)"
  docker build -f deploy/java-service/Dockerfile --build-arg "MODULE=$module" --build-arg "MAIN_CLASS=$main" \
    --build-arg "APT_PACKAGES=$([[ "$packages" == - ]] || echo "${packages//,/ }")" -t "$registry/$image:$tag" .
  built+=("$registry/$image:$tag")
done < deploy/images.tsv

echo "== $registry/flink-jobs:$tag (the shaded job jar)"
./mvnw -B -q -pl flink-jobs -am package -DskipTests
docker build -f deploy/flink-jobs/Dockerfile -t "$registry/flink-jobs:$tag" .
built+=("$registry/flink-jobs:$tag")

if [[ "$push" == --push ]]; then
  for image in "${built[@]}"; do docker push "$image"; done
fi
echo "built ${#built[@]} images in $((SECONDS - started)) s${push:+ and pushed them}: ${built[*]}"
