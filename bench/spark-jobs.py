#!/usr/bin/env python3
"""Summarises a Spark event log: one line per Spark job (start second since the application started,
duration, tasks, call site, description), then the number of jobs and their summed duration.

    SHOWMETRICS_JAVA_OPTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file:///tmp/ev" \
        ./showmetrics run --input DIR --data DIR
    python3 bench/spark-jobs.py <(zstd -dc /tmp/ev/*/events_*.zstd) | sort -k2 -n -r | head
"""
import json,sys,collections
f=sys.argv[1]
jobs={};stages={};app0=None
for line in open(f):
    e=json.loads(line)
    t=e['Event']
    if t=='SparkListenerApplicationStart': app0=e['Timestamp']
    elif t=='SparkListenerJobStart':
        jobs[e['Job ID']]={'start':e['Submission Time'],'stages':[s['Stage ID'] for s in e['Stage Infos']],'name':e['Stage Infos'][-1]['Stage Name'] if e['Stage Infos'] else '', 'desc':e.get('Properties',{}).get('spark.job.description','')}
    elif t=='SparkListenerJobEnd':
        jobs[e['Job ID']]['end']=e['Completion Time']
    elif t=='SparkListenerStageCompleted':
        si=e['Stage Info']
        stages[si['Stage ID']]=(si['Stage Name'],si['Number of Tasks'],si.get('Completion Time',0)-si.get('Submission Time',0) if si.get('Submission Time') else 0)
tot=0
rows=[]
for j,v in sorted(jobs.items()):
    d=v.get('end',0)-v['start']; tot+=d
    ntasks=sum(stages[s][1] for s in v['stages'] if s in stages)
    rows.append((v['start']-app0,d,j,ntasks,v['name'][:70],v['desc'][:60]))
for r in rows: print("%7.1f %7.0fms job%-4d tasks=%-5d %s %s"%(r[0]/1000,r[1],r[2],r[3],r[4],r[5]))
print('jobs',len(jobs),'sum ms',tot)
