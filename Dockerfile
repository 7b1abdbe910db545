# conform in a container: the gate on a mounted project.
#
#   docker build -t conform .
#   docker run --rm -v "$PWD:/project" conform                    # conform gate on ./specs
#   docker run --rm -v "$PWD:/project" conform gate --quick --junit /project/gate-junit
#   docker run --rm -v "$PWD:/project" conform validate --trace t.ndjson --spec specs/raft/TraceRaft.tla
#
# The image holds the distribution that `mvn package` builds (tools/target/conform-VERSION.zip):
# the launcher, conform.jar, its libraries (TLC among them) and the bundled specs. CONFORM_HOME
# points at the mounted project, so `conform gate` checks its specs/ folder.

FROM maven:3.9-eclipse-temurin-17 AS build
# git records the commit in `conform --version` (without it the commit reads "unknown").
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends git unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package \
    && mkdir /dist && unzip -q tools/target/conform-*.zip -d /dist && mv /dist/conform-* /dist/conform

FROM eclipse-temurin:17-jre
COPY --from=build /dist/conform /opt/conform
# On PATH through a symlink, as a user would install it; the launcher finds its real folder.
RUN ln -s /opt/conform/conform /usr/local/bin/conform
ENV CONFORM_HOME=/project
WORKDIR /project
ENTRYPOINT ["conform"]
CMD ["gate"]
