"""Running extraction on more than one core, and on more than one machine.

* :mod:`kg.scale.pool` - on one machine: regroup a mixed-language stream so
  each spaCy pipeline gets real batches, and spread whole articles (parse
  *and* entity/relation reading) over worker processes, output in input
  order, with a bounded number of articles in flight.
* :mod:`kg.scale.spark` - beyond one machine: extraction as a PySpark
  ``mapPartitions`` job writing the JSON Lines records that ``kg load``
  reads (optional extra ``kg[spark]``).
"""
